import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { QuestionStore, type ConnectQuestionSocket, type QuestionsSnapshot } from './QuestionStore.js'

export interface Questions extends QuestionsSnapshot {
  store: QuestionStore
}

/**
 * The questions this page may see, live, over a connection of its own that is opened while the
 * calling component is mounted and closed when it unmounts.
 */
export function useQuestions(connect?: ConnectQuestionSocket): Questions {
  const store = useMemo(() => new QuestionStore(connect), [connect])
  useEffect(() => {
    store.start()
    return () => store.stop()
  }, [store])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { ...snapshot, store }
}
