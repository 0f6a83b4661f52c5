import type { IsoDate } from "../../data/dates.ts";
import type { Cells } from "../../history/records.ts";
import type { LetterRow } from "./schema.ts";
import type { LetterStatus, LetterTopic, MailboxLevel, Satisfaction } from "./vocabulary.ts";
import type { ReplyTiming } from "./timing.ts";

/**
 * What may be published about any letter, with or without consent: nothing here identifies
 * the writer.
 */
export interface LetterMetadata {
  id: string;
  receivedOn: IsoDate;
  year: number;
  level: MailboxLevel;
  mailbox: string;
  regionCode: string;
  /** Name of `regionCode`, e.g. 犍为县. */
  regionName: string;
  topic: LetterTopic;
  status: LetterStatus;
  handledByPrincipal: boolean;
  /** Date of the secretary's instruction (批示), if any. */
  instructionOn: IsoDate | undefined;
  repliedOn: IsoDate | undefined;
  replyUnit: string | undefined;
  satisfaction: Satisfaction | undefined;
  timing: ReplyTiming;
}

/** A letter whose writer consented: published in full. */
export interface PublishedLetter extends LetterMetadata {
  consent: true;
  title: string;
  content: string;
  reply: string | undefined;
}

/**
 * A letter without consent. It has no title or content field at all, so no page, feed,
 * download or index built from public letters can print them, whatever its template does.
 * The reply is kept only when it identifies no one.
 */
export interface WithheldLetter extends LetterMetadata {
  consent: false;
  reply: string | undefined;
  /** True when a reply exists but is not published because it identifies a person. */
  replyWithheld: boolean;
}

export type PublicLetter = PublishedLetter | WithheldLetter;

/**
 * The one way a letter leaves the data layer. Every field is copied by name (no spreading
 * of the row), so a private column added to letters.csv later stays private until someone
 * adds it here on purpose.
 */
export function toPublicLetter(
  row: LetterRow,
  timing: ReplyTiming,
  regionName: string,
): PublicLetter {
  const metadata: LetterMetadata = {
    id: row.id,
    receivedOn: row.received_on,
    year: Number(row.received_on.slice(0, 4)),
    level: row.mailbox_level,
    mailbox: row.mailbox,
    regionCode: row.region_code,
    regionName,
    topic: row.topic,
    status: row.status,
    handledByPrincipal: row.handled_by_principal,
    instructionOn: row.instruction_on,
    repliedOn: row.replied_on,
    replyUnit: row.reply_unit,
    satisfaction: row.satisfaction,
    timing,
  };
  if (row.consent_to_publish) {
    return { ...metadata, consent: true, title: row.title, content: row.content, reply: row.reply };
  }
  const replyIsAnonymous = row.reply !== undefined && row.reply_identifies_person === false;
  return {
    ...metadata,
    consent: false,
    reply: replyIsAnonymous ? row.reply : undefined,
    replyWithheld: row.reply !== undefined && !replyIsAnonymous,
  };
}

/** How a letter is named where its title may not be shown. */
export function anonymousLabel(letter: LetterMetadata): string {
  return `${letter.mailbox}来信（${letter.topic}）`;
}

/** The heading of a letter: its title with consent, otherwise a neutral description. */
export function letterHeading(letter: PublicLetter): string {
  return letter.consent ? letter.title : anonymousLabel(letter);
}

/**
 * The same rules as `toPublicLetter`, for one version of a letters.csv row in the change
 * history (修改记录), where rows are raw cells from any commit. Title and content show only
 * where the writer consented, in that version and now; a reply shows where the letter had
 * consent or the reply identified no one, in that version and now. So a consent withdrawn
 * later hides what was once published, and an old reply that named someone stays hidden
 * after it was rewritten.
 */
export function letterVersionVisibility(
  version: Cells,
  current: Cells | undefined,
): (column: string) => boolean {
  const consents = (cells: Cells | undefined) => cells?.["consent_to_publish"]?.trim() === "是";
  const anonymousReply = (cells: Cells | undefined) =>
    cells?.["reply_identifies_person"]?.trim() === "否";
  const text = consents(version) && consents(current);
  const reply =
    (consents(version) || anonymousReply(version)) &&
    (consents(current) || anonymousReply(current));
  return (column) =>
    column === "title" || column === "content" ? text : column === "reply" ? reply : true;
}

/** The columns `letterVersionVisibility` reads. */
export const LETTER_CONSENT_COLUMNS = ["consent_to_publish", "reply_identifies_person"] as const;
