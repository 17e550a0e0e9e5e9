import { readReviewInfo, REVIEW_MAP } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** Whether the week's review has been created: before that there is nothing to close or summarise. */
export function useHasReview(doc: Y.Doc): boolean {
  const [has, setHas] = useState(() => readReviewInfo(doc) !== null)
  useEffect(() => {
    const review = doc.getMap(REVIEW_MAP)
    const read = (): void => setHas(readReviewInfo(doc) !== null)
    read()
    review.observe(read)
    return () => review.unobserve(read)
  }, [doc])
  return has
}
