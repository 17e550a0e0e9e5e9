/**
 * The CSV import's expected columns, shown on the page and offered as a file to start from. The
 * example rows are the ones the page shows, so what people read is what they download.
 */
export const CSV_COLUMNS = [
  { name: 'objective', required: true, meaning: 'What the team wants to achieve, one line.' },
  { name: 'key_results', required: false, meaning: 'How you will know; several separated by ";" (or "|").' },
  { name: 'team', required: true, meaning: 'The owning team; a name the workspace does not know yet creates that team.' },
  { name: 'domain', required: true, meaning: 'product, engineering or shared: whose call it is.' },
] as const

export const CSV_TEMPLATE = [
  'objective,key_results,team,domain',
  'Ship checkout v2,Conversion +3%;p95 latency under 300 ms,Payments,product',
  '"Cut incident count, keep velocity",Fewer than 2 Sev1 a quarter,Platform,engineering',
  'Launch in Brazil,Local payment methods live;10k users,Growth,shared',
].join('\r\n') + '\r\n'

export const CSV_TEMPLATE_FILE = 'fourwall-okrs-template.csv'

/** The template as a link target: a download that needs no server route. */
export function templateDataUrl(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`
}
