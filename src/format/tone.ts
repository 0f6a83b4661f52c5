/**
 * The tones a status is shown in (badge colours, from tokens.css). The word always carries the
 * meaning; a tone only repeats it, for registers and indicators alike.
 */
export type Tone = "todo" | "progress" | "done" | "closed";
