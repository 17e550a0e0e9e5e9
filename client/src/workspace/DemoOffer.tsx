/**
 * CONTRACT (owned by the workspace engineer; the board imports it): on an empty installation, offers
 * to load the demo workspace (POST /api/demo). Renders nothing when the demo is not available
 * (GET /api/demo says so) or the person may not load it. Calls onLoaded after a successful load.
 */
export function DemoOffer(_props: { onLoaded?: () => void }) {
  return null
}
