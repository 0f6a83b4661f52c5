import { describe, expect, it } from "vitest";
import { deadlineFacts, median } from "../../src/registers/exposures/derive.ts";

const AS_OF = "2024-06-30";
const facts = (deadline: string | undefined, rectifiedOn: string | undefined) =>
  deadlineFacts({ exposedOn: "2024-03-01", deadline, rectifiedOn }, AS_OF);

describe("overdue", () => {
  it("is not overdue on the deadline day itself, which is the as-of date", () => {
    expect(facts("2024-06-30", undefined)).toMatchObject({
      overdue: false,
      daysOverdue: undefined,
      due: false,
      onTime: undefined,
    });
  });

  it("is overdue by one day when the deadline was the day before the as-of date", () => {
    expect(facts("2024-06-29", undefined)).toMatchObject({
      overdue: true,
      daysOverdue: 1,
      due: true,
      onTime: false,
    });
  });

  it("counts days overdue up to the as-of date, not the build date", () => {
    expect(facts("2024-05-31", undefined).daysOverdue).toBe(30);
  });

  it("never flags a problem without a deadline, and leaves it out of the on-time rate", () => {
    expect(facts(undefined, undefined)).toMatchObject({
      overdue: false,
      rectifiedLate: false,
      due: false,
      onTime: undefined,
    });
  });

  it("is not overdue once rectified, even after the deadline", () => {
    expect(facts("2024-04-01", "2024-04-10")).toMatchObject({
      overdue: false,
      daysOverdue: undefined,
    });
  });
});

describe("on time", () => {
  it("counts rectification on the deadline day as on time, not late", () => {
    expect(facts("2024-04-01", "2024-04-01")).toMatchObject({
      rectifiedLate: false,
      daysLate: undefined,
      due: true,
      onTime: true,
    });
  });

  it("counts rectification a day after the deadline as late by one day", () => {
    expect(facts("2024-04-01", "2024-04-02")).toMatchObject({
      rectifiedLate: true,
      daysLate: 1,
      onTime: false,
    });
  });

  it("waits for the deadline to pass before counting an early rectification in the rate", () => {
    expect(facts("2024-08-01", "2024-05-01")).toMatchObject({ due: false, onTime: undefined });
    expect(facts("2024-06-30", "2024-06-30")).toMatchObject({ due: false, onTime: undefined });
  });

  it("counts a problem rectified without a deadline as rectified but not in the rate", () => {
    expect(facts(undefined, "2024-04-01")).toMatchObject({
      rectified: true,
      rectifiedLate: false,
      due: false,
      onTime: undefined,
    });
  });
});

describe("days to rectify", () => {
  it("counts calendar days from exposure to rectification", () => {
    expect(facts("2024-04-01", "2024-03-31").daysToRectify).toBe(30);
  });

  it("is zero when rectified on the day of exposure", () => {
    expect(facts(undefined, "2024-03-01").daysToRectify).toBe(0);
  });

  it("is undefined while the problem is not rectified", () => {
    expect(facts("2024-04-01", undefined).daysToRectify).toBeUndefined();
  });

  it("spans a leap day correctly", () => {
    const leap = deadlineFacts(
      { exposedOn: "2024-02-28", deadline: undefined, rectifiedOn: "2024-03-01" },
      AS_OF,
    );
    expect(leap.daysToRectify).toBe(2);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeUndefined();
  });
});
