/**
 * Questions to the leads over socket.io against a real server, with real sessions: the server seeds
 * the default domain map into the workspace once; a question is routed to the owner the workspace
 * names (whatever the client claims); only that lead answers, the other lead and everyone else are
 * refused with a sentence; new questions and answers reach the right sockets live and nobody
 * else's; each asker lists only their own; bad payloads get clear errors; the per-person ask limit
 * and the dispatcher's flood and refusal limits still hold; both steps are in the audit log.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  listOwnedDomains,
  readOwnedDomain,
  removeOwnedDomain,
  setDomainOwner,
  WORKSPACE_DOC,
  type AskReply,
  type Question,
  type QuestionListReply,
  type Role,
} from '@fourwall/shared'
import { QuestionStore } from '../../client/src/questions/QuestionStore.js'
import { serverHasAll } from '../support/board.js'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectSocketClient, type SocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

/** A socket of a signed-in person, with every question event it hears. */
interface Person {
  session: TestSession
  socket: SocketClient
  heardNew: Question[]
  heardAnswered: Question[]
  send<T>(event: string, payload?: unknown): Promise<T>
}

let server: TestServer
const closers: Array<() => void> = []
let maya: Person // Product Lead
let sam: Person // Engineering Lead
let cass: Person // Chief of Staff
let tia: Person // a team lead
let theo: Person // another team lead

async function person(role: Role, name: string, extra: Parameters<TestServer['signIn']>[2] = {}): Promise<Person> {
  const session = await server.signIn(role, name, extra)
  return connectAs(session)
}

async function connectAs(session: TestSession): Promise<Person> {
  const socket = await connectSocketClient(server.url, { cookie: session.cookie })
  closers.push(() => socket.close())
  const who: Person = {
    session,
    socket,
    heardNew: [],
    heardAnswered: [],
    send: <T>(event: string, payload?: unknown) => socket.socket.timeout(5000).emitWithAck(event, payload) as Promise<T>,
  }
  socket.socket.on('question:new', (question: Question) => who.heardNew.push(question))
  socket.socket.on('question:answered', (question: Question) => who.heardAnswered.push(question))
  return who
}

async function workspaceClient(): Promise<YClient> {
  const client = connectClient(server.wsUrl, WORKSPACE_DOC, server.token('admin', 'Workspace Admin'))
  closers.push(() => client.destroy())
  await waitForSync(client.provider)
  return client
}

function asked(reply: AskReply): Extract<AskReply, { ok: true }> {
  if (!reply.ok) throw new Error(`expected the question to be taken, got: ${reply.error}`)
  return reply
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  server = await startServer()
  maya = await person('product-lead', 'Maya Brooks')
  sam = await person('engineering-lead', 'Sam Okafor')
  cass = await person('chief-of-staff', 'Cass Ruiz', { worksFor: 'engineering-lead' })
  tia = await person('team-lead', 'Tia Team', { team: 'Mobile' })
  theo = await person('team-lead', 'Theo Team', { team: 'Web' })
})

afterAll(async () => {
  for (const close of closers) close()
  await server?.close()
})

describe('questions to the leads over socket.io', () => {
  it('finds the six default domains in a new workspace, written by the server', async () => {
    // A team lead cannot write the workspace, and still sees them: the server wrote them on load.
    const viewer = connectClient(server.wsUrl, WORKSPACE_DOC, { cookie: tia.session.cookie })
    closers.push(() => viewer.destroy())
    await waitForSync(viewer.provider)
    expect(listOwnedDomains(viewer.doc).map((domain) => `${domain.id}:${domain.owner}`)).toEqual([
      'tech-debt:engineering-lead',
      'infrastructure:engineering-lead',
      'architectural-feasibility:engineering-lead',
      'customer-value:product-lead',
      'roadmap-priority:product-lead',
      'market-fit:product-lead',
    ])
  })

  it('routes a question to the owner the workspace names, and tells the asker in words', async () => {
    const reply = asked(await tia.send<AskReply>('question:ask', { domainId: 'tech-debt', kind: 'question', text: '  Can Mobile spend a sprint on flaky tests? ' }))
    expect(reply.question).toMatchObject({
      kind: 'question',
      domainId: 'tech-debt',
      domainName: 'Tech debt',
      ownerRole: 'engineering-lead',
      text: 'Can Mobile spend a sprint on flaky tests?',
      askerId: tia.session.identity.id,
      askerName: 'Tia Team',
      askerRole: 'team-lead',
      answer: null,
    })
    expect(reply.deferral).toEqual({
      ownerRole: 'engineering-lead',
      leads: { productLead: 'Maya Brooks', engineeringLead: 'Sam Okafor' },
      line: 'That is the Engineering Lead’s domain (Sam Okafor), and the Product Lead (Maya Brooks) supports that call.',
    })
    // Both leads' inboxes hear of it at once; the chief of staff and the other team lead do not.
    await waitFor(() => sam.heardNew.map((q) => q.id), (ids) => ids.includes(reply.question.id), 5_000, 'Sam hears of the question')
    await waitFor(() => maya.heardNew.map((q) => q.id), (ids) => ids.includes(reply.question.id), 5_000, 'Maya hears of the question')
    await sleep(200)
    expect(cass.heardNew).toEqual([])
    expect(theo.heardNew).toEqual([])
    expect(sam.heardNew.find((q) => q.id === reply.question.id)).toEqual(reply.question)
  })

  it('cannot be misrouted by the client: the owner comes from the workspace document, and follows it', async () => {
    const sneaky = asked(
      await theo.send<AskReply>('question:ask', { domainId: 'roadmap-priority', kind: 'decision-request', text: 'Ship web before iOS?', ownerRole: 'engineering-lead', domainName: 'Tech debt' }),
    )
    expect(sneaky.question).toMatchObject({ domainName: 'Roadmap priority', ownerRole: 'product-lead', kind: 'decision-request' })
    expect(sneaky.deferral.line).toBe('That is the Product Lead’s domain (Maya Brooks), and the Engineering Lead (Sam Okafor) supports that call.')

    // A lead hands a domain over in the workspace: the next question goes to the new owner.
    const admin = await workspaceClient()
    setDomainOwner(admin.doc, 'infrastructure', 'product-lead')
    await serverHasAll(server, WORKSPACE_DOC, admin)
    const handedOver = asked(await theo.send<AskReply>('question:ask', { domainId: 'infrastructure', kind: 'question', text: 'Who pays for the CDN?' }))
    expect(handedOver.question.ownerRole).toBe('product-lead')
    setDomainOwner(admin.doc, 'infrastructure', 'engineering-lead')
    await serverHasAll(server, WORKSPACE_DOC, admin)

    // A domain that is not (or no longer) in the workspace is refused, and nothing is stored.
    const before = (await server.server.accountStore.listQuestions({})).length
    expect(await theo.send('question:ask', { domainId: 'no-such-domain', kind: 'question', text: 'Hello?' })).toEqual({
      ok: false,
      error: 'There is no domain with id no-such-domain in the workspace any more: choose one from the list.',
    })
    expect(await server.server.accountStore.listQuestions({})).toHaveLength(before)
  })

  it('lets only the owning lead answer; the other lead, the chief of staff and team leads are refused', async () => {
    const { question } = asked(await tia.send<AskReply>('question:ask', { domainId: 'architectural-feasibility', kind: 'decision-request', text: 'Can the app work offline by Q3?' }))

    expect(await maya.send('question:answer', { questionId: question.id, text: 'Yes.' })).toEqual({
      ok: false,
      error: "That is the Engineering Lead's call: Architectural feasibility is their domain, so Sam Okafor answers it and you support that call.",
    })
    for (const who of [cass, tia, theo]) {
      expect(await who.send('question:answer', { questionId: question.id, text: 'Sure.' })).toEqual({
        ok: false,
        error: 'Your role may not do this (question:answer).',
      })
    }
    expect((await server.server.accountStore.getQuestion(question.id))!.answer).toBeNull()
    expect(tia.heardAnswered.some((q) => q.id === question.id)).toBe(false)

    // The owner answers: the asker hears it live, so does the other lead; nobody else.
    const theoHeard = theo.heardAnswered.length
    const reply = await sam.send<{ ok: boolean; question: Question }>('question:answer', { questionId: question.id, text: 'Not by Q3: the sync layer needs a quarter. Q4 is realistic.' })
    expect(reply.ok).toBe(true)
    expect(reply.question.answer).toMatchObject({ text: 'Not by Q3: the sync layer needs a quarter. Q4 is realistic.', byId: sam.session.identity.id, byName: 'Sam Okafor' })
    const heard = await waitFor(() => tia.heardAnswered.find((q) => q.id === question.id), (q) => q !== undefined, 5_000, 'Tia hears the answer')
    expect(heard).toEqual(reply.question)
    await waitFor(() => maya.heardAnswered.some((q) => q.id === question.id), (yes) => yes, 5_000, 'Maya hears the answer')
    await sleep(200)
    expect(theo.heardAnswered).toHaveLength(theoHeard)
    expect(cass.heardAnswered).toEqual([])

    // Answered once: a second answer is refused and the first one stays.
    expect(await sam.send('question:answer', { questionId: question.id, text: 'Actually, Q3.' })).toEqual({ ok: false, error: 'Sam Okafor already answered this question.' })
    expect((await server.server.accountStore.getQuestion(question.id))!.answer!.text).toMatch(/^Not by Q3/)
    expect(await sam.send('question:answer', { questionId: 'no-such-question', text: 'Hm.' })).toEqual({ ok: false, error: 'There is no question with id no-such-question.' })

    // Both steps are in the audit log, with who did them.
    const audit = await server.server.accountStore.listAudit({ limit: 50 })
    expect(audit.find((entry) => entry.action === 'question.answered' && entry.target === question.id)).toMatchObject({ actorName: 'Sam Okafor' })
    expect(audit.find((entry) => entry.action === 'question.asked' && entry.target === question.id)).toMatchObject({
      actorName: 'Tia Team',
      detail: { kind: 'decision-request', domain: 'Architectural feasibility', owner: 'engineering-lead' },
    })
  })

  it("lists each asker's own questions only, and every question for the leads, newest first", async () => {
    const tiaList = (await tia.send<QuestionListReply>('question:list')) as Extract<QuestionListReply, { ok: true }>
    const theoList = (await theo.send<QuestionListReply>('question:list')) as Extract<QuestionListReply, { ok: true }>
    const samList = (await sam.send<QuestionListReply>('question:list')) as Extract<QuestionListReply, { ok: true }>
    const mayaList = (await maya.send<QuestionListReply>('question:list')) as Extract<QuestionListReply, { ok: true }>
    expect(tiaList.ok && theoList.ok && samList.ok && mayaList.ok).toBe(true)
    expect(tiaList.questions.length).toBeGreaterThan(0)
    expect(tiaList.questions.every((q) => q.askerId === tia.session.identity.id)).toBe(true)
    expect(theoList.questions.every((q) => q.askerId === theo.session.identity.id)).toBe(true)
    const all = await server.server.accountStore.listQuestions({})
    expect(samList.questions).toEqual(all)
    expect(mayaList.questions).toEqual(all)
    expect(all.length).toBe(tiaList.questions.length + theoList.questions.length)
    expect(tiaList.questions.map((q) => q.askedAt)).toEqual([...tiaList.questions.map((q) => q.askedAt)].sort((a, b) => b - a))
    expect(tiaList.leads).toEqual({ productLead: 'Maya Brooks', engineeringLead: 'Sam Okafor' })
    // Nothing of Theo's question reached Tia's socket in any form.
    const theoTexts = theoList.questions.map((q) => q.text)
    expect(JSON.stringify(tiaList)).not.toContain(theoTexts[0])
  })

  it('refuses malformed payloads with sentences', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['question:ask', 'tech-debt', 'The payload of "question:ask" must be an object such as {"domainId": "tech-debt", "kind": "question", "text": "…"}.'],
      ['question:ask', { kind: 'question', text: 'Why?' }, 'Choose a domain: "domainId" must be the id of one of the workspace\'s domains.'],
      ['question:ask', { domainId: 'tech-debt', kind: 'demand', text: 'Why?' }, '"kind" must be "question" or "decision-request".'],
      ['question:ask', { domainId: 'tech-debt', kind: 'question', text: ' ' }, 'A question needs some words: write what you want to know.'],
      ['question:ask', { domainId: 'tech-debt', kind: 'question', text: 'x'.repeat(1001) }, 'A question has at most 1000 characters (this one has 1001).'],
      ['question:answer', { questionId: 42, text: 'Yes' }, '"questionId" must be the id of a question (1 to 100 characters).'],
      ['question:answer', { questionId: 'q', text: 7 }, 'An answer must be text.'],
    ]
    const fresh = await person('editor', 'Eddie Editor')
    for (const [event, payload, error] of cases) {
      const who = event === 'question:answer' ? sam : fresh
      expect(await who.send(event, payload), JSON.stringify(payload).slice(0, 80)).toEqual({ ok: false, error })
    }
    expect(fresh.socket.socket.connected).toBe(true)
  })

  it('limits how many questions one person asks in a row, across tabs, without touching anyone else', async () => {
    const rita = await person('team-lead', 'Rita Rapid')
    const secondTab = await connectAs(rita.session)
    const replies: AskReply[] = []
    for (let i = 0; i < 11; i++) {
      const tab = i % 2 === 0 ? rita : secondTab
      replies.push(await tab.send<AskReply>('question:ask', { domainId: 'market-fit', kind: 'question', text: `Question number ${i + 1}?` }))
    }
    expect(replies.slice(0, 10).every((reply) => reply.ok)).toBe(true)
    expect(replies[10]).toEqual({ ok: false, error: 'You have asked 10 questions in a short time; wait a minute before you ask another.' })
    expect((await server.server.accountStore.listQuestions({ askerId: rita.session.identity.id })).length).toBe(10)
    // Someone else may still ask, and Rita's sockets are still connected (a limit, not a ban).
    expect((await theo.send<AskReply>('question:ask', { domainId: 'market-fit', kind: 'question', text: 'Do we sell in Japan?' })).ok).toBe(true)
    expect(rita.socket.socket.connected && secondTab.socket.socket.connected).toBe(true)
  })

  it('still cuts off a socket that floods, or keeps trying to answer what it may not', async () => {
    const flood = await person('team-lead', 'Fred Flood')
    for (let i = 0; i < 100; i++) flood.socket.socket.emit('question:list')
    await waitFor(() => flood.socket.disconnectReason, (reason) => reason === 'io server disconnect', 5_000, 'flooding socket cut off')

    const pest = await person('team-lead', 'Pat Pest')
    const { question } = asked(await pest.send<AskReply>('question:ask', { domainId: 'tech-debt', kind: 'question', text: 'May I answer myself?' }))
    for (let i = 0; i < 12; i++) pest.socket.socket.emit('question:answer', { questionId: question.id, text: 'Yes.' })
    await waitFor(() => pest.socket.disconnectReason, (reason) => reason === 'io server disconnect', 5_000, 'refused socket cut off')
    expect((await server.server.accountStore.getQuestion(question.id))!.answer).toBeNull()
    // Everyone else carries on.
    expect((await sam.send<{ ok: boolean }>('question:answer', { questionId: question.id, text: 'No: I answer it.' })).ok).toBe(true)
  })
})

describe("the page's QuestionStore against the server", () => {
  /** The store the board uses, on a Node socket that carries the person's session cookie. */
  const storeOf = (session: TestSession): QuestionStore => {
    const store = new QuestionStore(() =>
      io(server.url, { extraHeaders: { cookie: session.cookie }, transports: ['websocket'], autoConnect: false, forceNew: true }),
    )
    store.start()
    closers.push(() => store.stop())
    return store
  }
  const live = (store: QuestionStore) => waitFor(() => store.getSnapshot().status, (status) => status === 'live', 5_000, 'store live')

  it('lists on connect, takes new questions and answers live, and says why an answer was refused', async () => {
    const [tiaStore, samStore, mayaStore] = [storeOf(tia.session), storeOf(sam.session), storeOf(maya.session)]
    await Promise.all([live(tiaStore), live(samStore), live(mayaStore)])
    const own = await server.server.accountStore.listQuestions({ askerId: tia.session.identity.id })
    expect(tiaStore.getSnapshot().questions).toEqual(own)
    expect(samStore.getSnapshot().questions).toEqual(await server.server.accountStore.listQuestions({}))
    expect(tiaStore.getSnapshot().leads).toEqual({ productLead: 'Maya Brooks', engineeringLead: 'Sam Okafor' })

    const result = await tiaStore.ask('customer-value', 'decision-request', 'Do we drop the free tier?')
    if (!result.ok) throw new Error(result.error)
    expect(result.deferral.line).toBe('That is the Product Lead’s domain (Maya Brooks), and the Engineering Lead (Sam Okafor) supports that call.')
    expect(tiaStore.getSnapshot().questions![0]).toEqual(result.question)
    await waitFor(() => samStore.getSnapshot().questions![0]?.id, (id) => id === result.question.id, 5_000, 'Sam’s store has it')

    expect(await samStore.answer(result.question.id, 'Keep it.')).toBe(
      "That is the Product Lead's call: Customer value is their domain, so Maya Brooks answers it and you support that call.",
    )
    expect(await mayaStore.answer(result.question.id, 'We keep it, with a lower limit.')).toBeNull()
    const answered = await waitFor(
      () => tiaStore.getSnapshot().questions!.find((q) => q.id === result.question.id)?.answer,
      (answer) => answer !== null && answer !== undefined,
      5_000,
      'Tia’s store has the answer',
    )
    expect(answered).toMatchObject({ text: 'We keep it, with a lower limit.', byName: 'Maya Brooks' })
    await waitFor(() => samStore.getSnapshot().questions!.find((q) => q.id === result.question.id)?.answer?.byName, (by) => by === 'Maya Brooks', 5_000, 'Sam’s store has the answer')
    // A refusal comes back as the server's sentence, and the store keeps nothing of it.
    expect(await tiaStore.ask('no-such-domain', 'question', 'Hello?')).toEqual({
      ok: false,
      error: 'There is no domain with id no-such-domain in the workspace any more: choose one from the list.',
    })
  })
})

describe('the default domains across restarts', () => {
  it('are written once: a default someone removed stays removed after the server restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-domains-'))
    try {
      const first = await startServer({ dataDir })
      const admin = connectClient(first.wsUrl, WORKSPACE_DOC, first.token('admin', 'Ada'))
      await waitForSync(admin.provider)
      expect(listOwnedDomains(admin.doc)).toHaveLength(6)
      removeOwnedDomain(admin.doc, 'tech-debt')
      // A removal adds no struct (the state vector stays), so wait for the server's copy itself.
      const stored = (await first.server.documents.get(WORKSPACE_DOC)).ydoc
      await waitFor(() => readOwnedDomain(stored, 'tech-debt'), (domain) => domain === null, 5_000, 'removal reaches the server')
      admin.destroy()
      await first.close()

      const second = await startServer({ dataDir })
      const reader = connectClient(second.wsUrl, WORKSPACE_DOC, second.token('team-lead', 'Tia'))
      await waitForSync(reader.provider)
      expect(readOwnedDomain(reader.doc, 'tech-debt')).toBeNull()
      expect(listOwnedDomains(reader.doc)).toHaveLength(5)
      reader.destroy()
      await second.close()
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
