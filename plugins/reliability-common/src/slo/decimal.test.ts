import {
  compareDecimals,
  exactDecimal,
  floorQuotient,
  multiplyDecimals,
} from './decimal';

describe('decimal', () => {
  it('reads numbers as the decimal they were written as', () => {
    expect(exactDecimal(0.999)).toEqual({
      coefficient: BigInt(999),
      exponent: -3,
    });
    expect(exactDecimal(1e-7)).toEqual({
      coefficient: BigInt(1),
      exponent: -7,
    });
    expect(exactDecimal(1.5e21)).toEqual({
      coefficient: BigInt(15),
      exponent: 20,
    });
    expect(exactDecimal(-2.5)).toEqual({
      coefficient: BigInt(-25),
      exponent: -1,
    });
    expect(() => exactDecimal(NaN)).toThrow(RangeError);
    expect(() => exactDecimal(Infinity)).toThrow(RangeError);
  });

  it('compares and multiplies exactly', () => {
    expect(
      compareDecimals(exactDecimal(0.1), exactDecimal(0.10000000000000002)),
    ).toBe(-1);
    expect(compareDecimals(exactDecimal(100), exactDecimal(1e2))).toBe(0);
    expect(
      compareDecimals(
        multiplyDecimals(exactDecimal(0.1), exactDecimal(3)),
        exactDecimal(0.3),
      ),
    ).toBe(0); // 0.1 * 3 is 0.30000000000000004 in floating point
  });

  it('floors quotients, also of negative numerators', () => {
    expect(floorQuotient(exactDecimal(2), exactDecimal(3), 2)).toBe(BigInt(66));
    expect(floorQuotient(exactDecimal(-2), exactDecimal(3), 2)).toBe(
      BigInt(-67),
    );
    expect(floorQuotient(exactDecimal(0.999986), exactDecimal(1), 5)).toBe(
      BigInt(99998),
    );
    expect(() => floorQuotient(exactDecimal(1), exactDecimal(0), 0)).toThrow(
      RangeError,
    );
  });
});
