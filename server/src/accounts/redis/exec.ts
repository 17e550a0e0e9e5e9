/** Runs a MULTI or pipeline and returns its replies; rejects with the first command's error, if any. */
export async function execAll(batch: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<unknown[]> {
  const replies = await batch.exec()
  if (!replies) throw new Error('the transaction was aborted')
  return replies.map(([error, reply]) => {
    if (error) throw error
    return reply
  })
}
