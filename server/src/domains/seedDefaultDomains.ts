/**
 * The default domain map (shared/src/domains/ownedDomains.ts), written by the server into the
 * workspace document as it loads, before anyone syncs it: a team lead, who cannot write the
 * workspace, finds the six defaults on the first day. `ensureDefaultDomains` writes them once per
 * workspace ever, so a default someone removed does not come back on the next load.
 */
import { ensureDefaultDomains, WORKSPACE_DOC } from '@fourwall/shared'
import type { Logger } from '../logger.js'
import type { Document } from '../sync/Document.js'
import { SERVER_ORIGIN } from '../weeks/WeekClosure.js'

/** For DocumentRegistry's `onLoaded`: seeds the workspace, ignores every other document. */
export function seedDefaultDomains(log: Logger): (document: Document) => void {
  return (document) => {
    if (document.name !== WORKSPACE_DOC) return
    try {
      // Stored and relayed like any edit (the document observes its own updates), by nobody in particular.
      if (ensureDefaultDomains(document.ydoc, SERVER_ORIGIN)) log.info('default domains written into the workspace')
    } catch (error) {
      // The workspace still loads; the domain map can be filled in by hand.
      log.error('could not write the default domains', { error })
    }
  }
}
