import { Link } from '../components/Link.js'

/** The way from the board to the product principles: every role reads them, so everyone gets it. */
export function PrinciplesLink() {
  return (
    <Link href="/principles" className="button button--small button--quiet" data-principles-link>
      Principles
    </Link>
  )
}
