import { describe, expect, it } from "vitest";
import { formatNumber, formatValue } from "../../src/indicators/format.ts";

describe("figures read as the sources write them", () => {
  it("writes round large numbers in 万", () => {
    expect(formatNumber(16000)).toBe("1.6万");
    expect(formatNumber(500000)).toBe("50万");
    expect(formatNumber(19300)).toBe("1.93万");
  });

  it("keeps exact counts exact", () => {
    expect(formatNumber(291528)).toBe("291,528");
    expect(formatNumber(2856)).toBe("2,856");
    expect(formatNumber(34.62)).toBe("34.62");
    expect(formatNumber(0)).toBe("0");
  });

  it("places each qualifier where Chinese puts it", () => {
    expect(formatValue(3000, "余", "件")).toBe("3,000余件");
    expect(formatValue(16000, "余", "件")).toBe("1.6万余件");
    expect(formatValue(40000, "近", "件")).toBe("近4万件");
    expect(formatValue(95, "以上", "%")).toBe("95%以上");
    expect(formatValue(510, "超过", "亿元")).toBe("超过510亿元");
    expect(formatValue(432, undefined, "件")).toBe("432件");
  });
});
