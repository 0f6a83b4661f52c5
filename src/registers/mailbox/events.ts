import type { IsoDate } from "../../data/dates.ts";
import type { PublicLetter } from "./public.ts";
import type { LetterStatus } from "./vocabulary.ts";

/** One dated step of a letter's handling, in public words only. */
export interface LetterEvent {
  date: IsoDate;
  /** 收信, 批示 or 答复. */
  kind: "收信" | "批示" | "答复";
  /** The status the step moved the letter to, when it did. */
  status: LetterStatus | undefined;
  summary: string;
}

/**
 * A letter's handling as dated events, oldest first, made from its public record: the day
 * it was received, the secretary's instruction, the reply. Letters have no free-text
 * timeline file on purpose: it would be one more place where a writer could be named, and
 * these three dates are what the columns already say. Pages and feeds both use this.
 */
export function letterEvents(letter: PublicLetter): LetterEvent[] {
  const events: LetterEvent[] = [
    {
      date: letter.receivedOn,
      kind: "收信",
      status: "待回复",
      summary: `${letter.mailbox}收到来信。`,
    },
  ];
  if (letter.instructionOn !== undefined) {
    events.push({
      date: letter.instructionOn,
      kind: "批示",
      status: undefined,
      summary: "书记对来信作出批示。",
    });
  }
  if (letter.repliedOn !== undefined) {
    events.push({
      date: letter.repliedOn,
      kind: "答复",
      status: "已回复",
      summary: `${letter.replyUnit ?? "承办单位"}书面答复来信人。`,
    });
  }
  // Stable: same-day events keep the order above (received, instruction, reply).
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
