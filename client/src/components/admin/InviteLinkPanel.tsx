import { useEffect, useId, useRef } from 'react'
import { useCopyText } from '../../hooks/useCopyText.js'
import { formatDateTime } from '../../lib/format.js'
import type { CreatedInvite } from './InviteForm.js'

/**
 * The new invite's link. The server keeps only a hash of its code, so this is the one time it can
 * be shown: say so, and make copying it easy. The clipboard API needs a secure context (https or
 * localhost), so on a plain-http LAN address the link is offered selected in a field instead.
 */
export function InviteLinkPanel({ created, onDone }: { created: CreatedInvite; onDone(): void }) {
  const id = useId()
  const { invite, link } = created
  const [copy, copyText] = useCopyText()
  const copyButton = useRef<HTMLButtonElement>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => copyButton.current?.focus(), [link])
  useEffect(() => {
    if (copy === 'manual') field.current?.select()
  }, [copy])

  const copyLink = (): Promise<void> => copyText(link)

  return (
    <section className="panel invite-link" aria-labelledby={`${id}-heading`} data-invite-link-panel>
      <h3 id={`${id}-heading`}>Invite link for {invite.name}</h3>
      <p>
        <strong>Copy it now: it is shown only this once.</strong> Send it to {invite.name} privately. It works once,
        until {formatDateTime(invite.expiresAt)}.
      </p>
      <p className="invite-link__link">
        <code data-invite-link>{link}</code>
      </p>
      <div className="form__actions">
        <button ref={copyButton} type="button" className="button" onClick={copyLink}>
          Copy link
        </button>
        <span role="status" className="invite-link__copied">
          {copy === 'copied' && (
            <>
              <span aria-hidden="true">✓ </span>Copied
            </>
          )}
        </span>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
      {copy === 'manual' && (
        <div className="field">
          <label htmlFor={`${id}-field`}>This browser cannot copy by itself: select the link and press Ctrl+C (⌘C on a Mac)</label>
          <input
            ref={field}
            id={`${id}-field`}
            className="invite-link__field"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </section>
  )
}
