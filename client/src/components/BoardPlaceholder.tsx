export function BoardPlaceholder() {
  return (
    <section className="panel board-placeholder" aria-labelledby="board-heading">
      <h2 id="board-heading">This week's board</h2>
      <p>The review board arrives in the next version of Fourwall.</p>
      <p className="muted">
        Until then, everyone on this page shares the note below: type in it and watch it change on every screen.
      </p>
    </section>
  )
}
