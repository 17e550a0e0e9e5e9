/**
 * The questions of the Redis account store: each question's JSON in one hash, its answer in
 * another (HSETNX keeps the first, so two leads or tabs answering at once leave exactly one), and
 * two sorted sets by time (everyone's, and one per asker) for the newest-first lists.
 */
import type { Redis } from 'ioredis'
import type { Question, QuestionAnswer } from '@fourwall/shared'
import { runScript } from '../storage/redis/scripts.js'
import { AccountError } from './AccountStore.js'
import type { AccountKeys } from './redis/accountKeys.js'
import { ADD_QUESTION, ANSWER_QUESTION } from './redis/accountScripts.js'
import { execAll } from './redis/exec.js'

/** A stored question: everything but the answer, which lives beside it. */
type StoredQuestion = Omit<Question, 'answer'>

export class RedisQuestions {
  constructor(
    private readonly client: Redis,
    private readonly keys: AccountKeys,
  ) {}

  async add(question: Question): Promise<Question> {
    const { answer: _unanswered, ...stored } = question
    const keys = [this.keys.questions, this.keys.sequence, this.keys.questionsByTime, this.keys.questionsOf(question.askerId)]
    const [outcome] = (await runScript(this.client, ADD_QUESTION, keys, [question.id, JSON.stringify(stored), String(question.askedAt)])) as [string]
    if (outcome === 'duplicate') throw new Error(`A question with id ${question.id} already exists.`)
    return { ...stored, answer: null }
  }

  async get(id: string): Promise<Question | null> {
    const [json, answer] = (await execAll(this.client.multi().hget(this.keys.questions, id).hget(this.keys.questionAnswers, id))) as [string | null, string | null]
    return json ? questionOf(json, answer) : null
  }

  async answer(id: string, answer: QuestionAnswer): Promise<Question> {
    const reply = (await runScript(this.client, ANSWER_QUESTION, [this.keys.questions, this.keys.questionAnswers], [id, JSON.stringify(answer)])) as string[]
    if (reply[0] === 'not-found') throw new AccountError('not-found', 'There is no such question.')
    return questionOf(reply[1]!, reply[2]!)
  }

  /** Newest first; `limit` whole and positive (the caller turns 0 or less into an empty list). */
  async list(options: { askerId?: string; limit?: number }): Promise<Question[]> {
    const index = options.askerId === undefined ? this.keys.questionsByTime : this.keys.questionsOf(options.askerId)
    const range =
      options.limit === undefined
        ? await this.client.zrevrange(index, 0, -1)
        : await this.client.zrevrange(index, 0, options.limit - 1)
    if (range.length === 0) return []
    const ids = range.map((member) => member.slice(member.indexOf(':') + 1))
    const [questions, answers] = (await execAll(this.client.multi().hmget(this.keys.questions, ...ids).hmget(this.keys.questionAnswers, ...ids))) as [
      (string | null)[],
      (string | null)[],
    ]
    // A question is never deleted, so every indexed id has its JSON.
    return questions.flatMap((json, i) => (json ? [questionOf(json, answers[i] ?? null)] : []))
  }
}

function questionOf(json: string, answer: string | null): Question {
  return { ...(JSON.parse(json) as StoredQuestion), answer: answer ? (JSON.parse(answer) as QuestionAnswer) : null }
}
