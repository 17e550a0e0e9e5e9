/**
 * The `questions` table of the SQLite account store: questions and decision requests to the leads,
 * one row each, the answer in the same row. Answering is one conditional UPDATE (`WHERE answered_at
 * IS NULL`), which SQLite runs atomically across connections and processes, so the first answer is
 * the one kept however many arrive at once.
 */
import Database from 'better-sqlite3'
import type { Question, QuestionAnswer } from '@fourwall/shared'

export const QUESTIONS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS questions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    domain_id TEXT NOT NULL,
    domain_name TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    text TEXT NOT NULL,
    asker_id TEXT NOT NULL,
    asker_name TEXT NOT NULL,
    asker_role TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    answer_text TEXT,
    answered_by_id TEXT,
    answered_by_name TEXT,
    answered_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS questions_by_asker ON questions (asker_id, asked_at);
  CREATE INDEX IF NOT EXISTS questions_by_time ON questions (asked_at);
`

/** A row as read: the answer's four columns are all null until it is answered. */
export interface QuestionRow extends Omit<Question, 'answer'> {
  answerText: string | null
  answeredById: string | null
  answeredByName: string | null
  answeredAt: number | null
}

const COLUMNS =
  'id, kind, domain_id AS domainId, domain_name AS domainName, owner_role AS ownerRole, text, asker_id AS askerId, ' +
  'asker_name AS askerName, asker_role AS askerRole, asked_at AS askedAt, answer_text AS answerText, ' +
  'answered_by_id AS answeredById, answered_by_name AS answeredByName, answered_at AS answeredAt'

/** Larger than any real list: `limit` when the caller gave none. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER

export interface QuestionStatements {
  insert: Database.Statement<[Omit<Question, 'answer'>]>
  get: Database.Statement<[string], QuestionRow>
  answer: Database.Statement<[QuestionAnswer & { id: string }]>
  listAll: Database.Statement<[number], QuestionRow>
  listByAsker: Database.Statement<[string, number], QuestionRow>
}

export function prepareQuestionStatements(db: Database.Database): QuestionStatements {
  return {
    insert: db.prepare<[Omit<Question, 'answer'>]>(
      `INSERT INTO questions (id, kind, domain_id, domain_name, owner_role, text, asker_id, asker_name, asker_role, asked_at)
       VALUES (@id, @kind, @domainId, @domainName, @ownerRole, @text, @askerId, @askerName, @askerRole, @askedAt)`,
    ),
    get: db.prepare<[string], QuestionRow>(`SELECT ${COLUMNS} FROM questions WHERE id = ?`),
    answer: db.prepare<[QuestionAnswer & { id: string }]>(
      `UPDATE questions SET answer_text = @text, answered_by_id = @byId, answered_by_name = @byName, answered_at = @at
       WHERE id = @id AND answered_at IS NULL`,
    ),
    // rowid breaks ties between equal timestamps: the later insert is the newer question.
    listAll: db.prepare<[number], QuestionRow>(`SELECT ${COLUMNS} FROM questions ORDER BY asked_at DESC, rowid DESC LIMIT ?`),
    listByAsker: db.prepare<[string, number], QuestionRow>(
      `SELECT ${COLUMNS} FROM questions WHERE asker_id = ? ORDER BY asked_at DESC, rowid DESC LIMIT ?`,
    ),
  }
}

export function questionFromRow(row: QuestionRow): Question {
  const { answerText, answeredById, answeredByName, answeredAt, ...question } = row
  const answer =
    answerText !== null && answeredById !== null && answeredByName !== null && answeredAt !== null
      ? { text: answerText, byId: answeredById, byName: answeredByName, at: answeredAt }
      : null
  return { ...question, answer }
}

/** `limit` as SQLite takes it: a whole number, all rows when omitted. */
export function questionLimit(limit: number | undefined): number {
  if (limit === undefined) return NO_LIMIT
  return limit > 0 ? Math.min(Math.floor(limit), NO_LIMIT) : 0
}
