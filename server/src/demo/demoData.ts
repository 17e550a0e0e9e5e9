/**
 * The first-run demo's content: a software company's six teams, their OKRs across the Product,
 * Engineering and Shared domains, and three weeks of reviews. It is written to show every part of
 * the board on the first Monday: an item Red for three weeks, one Red for two, fresh Reds and
 * Yellows with notes, owners and asks, two new OKRs nobody has given a status yet, and the Greens
 * folded away; the two past weeks are closed with decisions, resource shifts and follow-ups.
 *
 * Weeks are relative ("two weeks ago", "last week", "this week") and dates are days after that
 * week's Monday, so the demo reads as current whenever it is loaded.
 */
import type { Domain, Status } from '@fourwall/shared'

export const DEMO_TEAMS = ['Checkout', 'Payments', 'Mobile Apps', 'Platform', 'Data & ML', 'Growth'] as const
export type DemoTeam = (typeof DEMO_TEAMS)[number]

export type DemoOutcome =
  | { kind: 'resolved' }
  | { kind: 'decision'; summary: string }
  | { kind: 'shift'; summary: string }
  | { kind: 'follow-up'; owner: string; dueInDays: number }

/** One OKR's item in one week. Fields left out are written empty. */
export interface DemoWeek {
  status: Status
  note?: string
  ask?: string
  /** The item's due date, in days after that week's Monday. */
  dueInDays?: number
  /** Only for the past weeks' Red and Yellow items: the review's outcome. */
  outcome?: DemoOutcome
}

export interface DemoOkr {
  team: DemoTeam
  domain: Domain
  objective: string
  keyResults: string[]
  owner: string
  /**
   * Two weeks ago, last week, this week. Null before the OKR existed: it is added to the workspace
   * just before this week's review is created, so it arrives without a status.
   */
  weeks: [DemoWeek | null, DemoWeek | null, DemoWeek]
}

const onTrack = (note: string): DemoWeek => ({ status: 'green', note })

export const DEMO_OKRS: DemoOkr[] = [
  // ---- Checkout ----
  {
    team: 'Checkout',
    domain: 'product',
    objective: 'Launch one-click checkout in the EU',
    keyResults: ['Checkout conversion from 61% to 68%', 'One-click live in 6 EU markets', 'Payment step p95 under 1.5 s'],
    owner: 'Ana Souza',
    weeks: [
      { status: 'yellow', note: 'PSP certification is slipping by a week', ask: 'Confirm the certification slot with the PSP', dueInDays: 11, outcome: { kind: 'follow-up', owner: 'Ana Souza', dueInDays: 4 } },
      { status: 'red', note: 'PSP certification failed its first review (3DS flow)', ask: 'A decision on the launch date', dueInDays: 11, outcome: { kind: 'decision', summary: 'Delay the EU launch by two weeks and keep the scope' } },
      { status: 'red', note: 'Still waiting for the PSP to re-certify the 3DS flow', ask: 'Escalation to the PSP\'s account executive', dueInDays: 4 },
    ],
  },
  {
    team: 'Checkout',
    domain: 'product',
    objective: 'Cut cart abandonment on mobile web by a fifth',
    keyResults: ['Abandonment from 71% to 57%', 'Guest checkout in two taps', 'Address autocomplete in all markets'],
    owner: 'Ben Okafor',
    weeks: [onTrack('Guest checkout A/B test running'), onTrack('Guest checkout won: +3.1 pts'), onTrack('Rolling out guest checkout to 100%')],
  },
  {
    team: 'Checkout',
    domain: 'shared',
    objective: 'Make checkout meet WCAG 2.2 AA',
    keyResults: ['Zero critical issues in the external audit', 'Every checkout step usable with a screen reader'],
    owner: 'Chloé Martin',
    weeks: [
      onTrack('Audit booked'),
      onTrack('Audit started'),
      { status: 'yellow', note: 'The screen-reader audit found 14 issues, 3 of them critical', ask: 'An accessibility specialist for two sprints', dueInDays: 18 },
    ],
  },
  {
    team: 'Checkout',
    domain: 'engineering',
    objective: 'Retire the legacy cart service',
    keyResults: ['All traffic on the new cart API', 'Legacy cart database archived'],
    owner: 'Dev Patel',
    weeks: [
      { status: 'yellow', note: 'Two partner integrations still call the legacy cart', ask: 'Partner team to switch endpoints', outcome: { kind: 'resolved' } },
      onTrack('Partners switched; legacy traffic at 0.4%'),
      onTrack('Legacy cart read-only since Friday'),
    ],
  },

  // ---- Payments ----
  {
    team: 'Payments',
    domain: 'engineering',
    objective: 'Move card processing to the new payments gateway',
    keyResults: ['100% of card volume on the new gateway', 'Authorisation rate at least 94%', 'No Sev-1 during the cut-over'],
    owner: 'Farah Haddad',
    weeks: [
      { status: 'red', note: 'Migration team is two engineers short', ask: 'Two backend engineers for six weeks', outcome: { kind: 'shift', summary: 'Move two backend engineers from Growth to Payments for the gateway migration' } },
      { status: 'yellow', note: 'Engineers joined; 40% of volume migrated', outcome: { kind: 'resolved' } },
      { status: 'red', note: 'Gateway timeouts above 2% in the peak-load test', ask: 'Platform on-call support for the load test rerun', dueInDays: 3 },
    ],
  },
  {
    team: 'Payments',
    domain: 'product',
    objective: 'Offer buy-now-pay-later in the US',
    keyResults: ['BNPL on 30% of eligible baskets', 'Average order value +8% for BNPL orders'],
    owner: 'Gabriel Rossi',
    weeks: [
      onTrack('Provider shortlist done'),
      { status: 'yellow', note: 'Three providers would triple the integration work', ask: 'Pick one provider', outcome: { kind: 'decision', summary: 'Launch with one BNPL provider, not three' } },
      onTrack('Contract with the chosen provider signed'),
    ],
  },
  {
    team: 'Payments',
    domain: 'shared',
    objective: 'Pass the PCI DSS 4.0 audit',
    keyResults: ['Zero open findings at the audit', 'Quarterly access reviews automated'],
    owner: 'Hana Kim',
    weeks: [
      onTrack('Gap analysis done'),
      onTrack('Evidence collection 80% complete'),
      { status: 'yellow', note: 'Two evidence items missing for requirement 8 (MFA)', ask: 'A security engineer for one week', dueInDays: 10 },
    ],
  },
  {
    team: 'Payments',
    domain: 'engineering',
    objective: 'Reconcile merchant payouts automatically',
    keyResults: ['99.5% of payouts reconciled without a person', 'Finance close in 2 days instead of 5'],
    owner: 'Ivan Petrov',
    weeks: [onTrack('Matching rules at 97%'), onTrack('Matching rules at 98.8%'), onTrack('Finance signed off on the new report')],
  },

  // ---- Mobile Apps ----
  {
    team: 'Mobile Apps',
    domain: 'product',
    objective: 'Ship the redesigned home screen on iOS and Android',
    keyResults: ['Home screen live for 100% of users', 'Day-7 retention +2 pts', 'App rating stays at 4.6 or above'],
    owner: 'Jonas Weber',
    weeks: [
      onTrack('Design signed off'),
      { status: 'red', note: 'Android build is three weeks behind iOS', ask: 'Two Android engineers', outcome: { kind: 'shift', summary: 'Move two mobile engineers from Checkout to Mobile Apps until the release' } },
      { status: 'red', note: 'Still behind: the new engineers are ramping up on the design system', ask: 'Decide whether to ship iOS first', dueInDays: 2 },
    ],
  },
  {
    team: 'Mobile Apps',
    domain: 'engineering',
    objective: 'Raise the crash-free session rate to 99.8%',
    keyResults: ['Crash-free sessions at 99.8% on both platforms', 'Top 10 crashes fixed'],
    owner: 'Kofi Mensah',
    weeks: [
      onTrack('At 99.6%'),
      { status: 'yellow', note: 'A new OS release added a crash in the image cache', ask: 'A hotfix release slot', outcome: { kind: 'follow-up', owner: 'Kofi Mensah', dueInDays: 3 } },
      onTrack('Hotfix shipped; back at 99.7%'),
    ],
  },
  {
    team: 'Mobile Apps',
    domain: 'product',
    objective: 'Launch offline mode for order history',
    keyResults: ['Order history opens offline for 95% of users', 'Support tickets about missing orders -30%'],
    owner: 'Lena Fischer',
    weeks: [onTrack('Sync engine spike done'), onTrack('Beta with 5% of users'), onTrack('Beta at 25%, no regressions')],
  },
  {
    team: 'Mobile Apps',
    domain: 'shared',
    objective: 'Cut app start time to under 2 seconds',
    keyResults: ['Cold start p75 under 2 s on mid-range Android', 'Bundle size -20%'],
    owner: 'Marco Bianchi',
    weeks: [onTrack('Baseline measured: 3.1 s'), onTrack('Lazy loading merged: 2.6 s'), onTrack('Image pipeline change: 2.2 s')],
  },

  // ---- Platform ----
  {
    team: 'Platform',
    domain: 'engineering',
    objective: 'Move every service to Kubernetes 1.30',
    keyResults: ['All 42 services on the new clusters', 'Old clusters switched off'],
    owner: 'Nadia Rahman',
    weeks: [onTrack('31 of 42 services moved'), onTrack('38 of 42 services moved'), onTrack('41 of 42 services moved')],
  },
  {
    team: 'Platform',
    domain: 'engineering',
    objective: 'Bring p99 API latency under 300 ms',
    keyResults: ['p99 under 300 ms on the 20 busiest endpoints', 'Shared cache layer in production'],
    owner: 'Oscar Lindqvist',
    weeks: [
      { status: 'red', note: 'p99 at 850 ms after the catalogue launch', ask: 'Pause new endpoints', outcome: { kind: 'decision', summary: 'Freeze new endpoints until the cache layer ships' } },
      { status: 'yellow', note: 'Cache layer in staging; p99 at 520 ms', ask: 'A date for the production rollout', outcome: { kind: 'follow-up', owner: 'Oscar Lindqvist', dueInDays: 4 } },
      { status: 'yellow', note: 'Cache in production for 12 of 20 endpoints; p99 at 410 ms', ask: 'Lift the endpoint freeze for Payments only', dueInDays: 9 },
    ],
  },
  {
    team: 'Platform',
    domain: 'engineering',
    objective: 'Reach 99.95% monthly availability',
    keyResults: ['99.95% measured at the edge', 'Every Sev-1 has a post-mortem within 5 days'],
    owner: 'Priya Nair',
    weeks: [
      onTrack('99.97% so far this month'),
      onTrack('99.96% so far this month'),
      { status: 'red', note: 'Two Sev-1 incidents this week; the error budget is spent', ask: 'A one-week feature freeze for reliability work', dueInDays: 5 },
    ],
  },
  {
    team: 'Platform',
    domain: 'shared',
    objective: 'Cut cloud spend by 15% without slowing delivery',
    keyResults: ['Monthly cloud bill -15% against Q3', 'No team waits on capacity'],
    owner: 'Quentin Moreau',
    weeks: [
      { status: 'yellow', note: 'Savings from rightsizing are smaller than planned', ask: 'A yes or no on a 1-year commitment', outcome: { kind: 'decision', summary: 'Commit to a one-year savings plan for compute' } },
      onTrack('Savings plan bought: -9% so far'),
      onTrack('Idle staging environments switched off: -13%'),
    ],
  },

  // ---- Data & ML ----
  {
    team: 'Data & ML',
    domain: 'product',
    objective: 'Personalise recommendations on the home screen',
    keyResults: ['Click-through on recommendations +15%', 'Model retrained daily'],
    owner: 'Rosa Delgado',
    weeks: [onTrack('Offline metrics beat the baseline'), onTrack('A/B test started at 10%'), onTrack('A/B test: +11% click-through so far')],
  },
  {
    team: 'Data & ML',
    domain: 'engineering',
    objective: 'Move the data warehouse to the lakehouse',
    keyResults: ['All 120 dashboards on the lakehouse', 'Nightly jobs finish before 06:00'],
    owner: 'Samir Aziz',
    weeks: [
      onTrack('Finance dashboards moved'),
      { status: 'yellow', note: 'Nightly jobs finish at 07:30, after the business reviews start', ask: 'A bigger compute cluster for a month', outcome: { kind: 'follow-up', owner: 'Samir Aziz', dueInDays: 7 } },
      onTrack('Jobs tuned: finishing at 05:10'),
    ],
  },
  {
    team: 'Data & ML',
    domain: 'shared',
    objective: 'Complete every GDPR deletion request within 7 days',
    keyResults: ['100% of requests within 7 days', 'Deletion covers the lakehouse and backups'],
    owner: 'Tara Byrne',
    weeks: [onTrack('Median 3 days'), onTrack('Median 2 days'), onTrack('Backups now covered')],
  },
  {
    team: 'Data & ML',
    domain: 'product',
    objective: 'Catch 90% of card-testing fraud before authorisation',
    keyResults: ['Recall at least 90% at 0.5% false positives', 'Chargebacks -25%'],
    owner: 'Umar Siddiqui',
    weeks: [onTrack('Recall at 84%'), onTrack('Recall at 87%'), onTrack('Recall at 89%; new features in review')],
  },

  // ---- Growth ----
  {
    team: 'Growth',
    domain: 'product',
    objective: 'Grow weekly active buyers by 12%',
    keyResults: ['Weekly active buyers +12% against Q3', 'Reactivation e-mails to every lapsed buyer'],
    owner: 'Vera Novak',
    weeks: [onTrack('+5% so far'), onTrack('+7% so far'), onTrack('+8.5% so far')],
  },
  {
    team: 'Growth',
    domain: 'product',
    objective: 'Launch the referral programme in the UK',
    keyResults: ['5,000 referred sign-ups', 'Cost per acquisition under £12'],
    owner: 'Will Turner',
    weeks: [
      onTrack('Incentive approved by finance'),
      { status: 'yellow', note: 'No designer for the referral flow since the reorg', ask: 'A designer for two weeks', outcome: { kind: 'shift', summary: 'Lend one product designer from Checkout to Growth for two weeks' } },
      { status: 'yellow', note: 'Designs done, but legal has not approved the reward terms', ask: 'Legal review this week', dueInDays: 6 },
    ],
  },
  {
    team: 'Growth',
    domain: 'shared',
    objective: 'Run 20 pricing experiments this quarter',
    keyResults: ['20 experiments concluded', 'Every experiment has a written decision'],
    owner: 'Xenia Popescu',
    weeks: [onTrack('9 experiments concluded'), onTrack('11 experiments concluded'), onTrack('14 experiments concluded')],
  },
  {
    team: 'Growth',
    domain: 'engineering',
    objective: 'Give every team a self-serve experiment platform',
    keyResults: ['Any team starts an experiment without Data & ML', 'Results available within 24 hours'],
    owner: 'Yusuf Demir',
    weeks: [onTrack('Assignment service live'), onTrack('Metrics layer in beta'), onTrack('Three teams onboarded')],
  },

  // ---- New this week: no status yet ----
  {
    team: 'Growth',
    domain: 'product',
    objective: 'Open the Nordic markets',
    keyResults: ['Live in Sweden, Norway and Denmark', 'Local payment methods at launch'],
    owner: 'Zoe Andersen',
    weeks: [null, null, { status: 'unset', ask: 'A first status at next Monday\'s review' }],
  },
  {
    team: 'Platform',
    domain: 'engineering',
    objective: 'Sign in with passkeys for every staff tool',
    keyResults: ['Passkeys on the 15 internal tools', 'Passwords switched off for staff'],
    owner: 'Nadia Rahman',
    weeks: [null, null, { status: 'unset' }],
  },
]
