import { afterEach, describe, expect, it } from 'vitest';
import {
  ConversionQueueFullError,
  configureConversions,
  conversionQueueFull,
  DEFAULT_MAX_PENDING_CONVERSIONS,
  reserveConversion,
} from './libreoffice.js';

describe('the LibreOffice conversion queue', () => {
  afterEach(() => configureConversions({ maxPending: DEFAULT_MAX_PENDING_CONVERSIONS }));

  it('holds at most maxPending places; the next is refused at once with when to retry, and a released place is free again', () => {
    configureConversions({ maxPending: 2 });
    const a = reserveConversion();
    const b = reserveConversion();
    expect(conversionQueueFull()).toBeInstanceOf(ConversionQueueFullError);
    let refused: unknown;
    try {
      reserveConversion();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ConversionQueueFullError);
    expect((refused as ConversionQueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    a.release();
    a.release(); // twice is harmless: it does not free b's place
    expect(conversionQueueFull()).toBeNull();
    const c = reserveConversion();
    expect(conversionQueueFull()).not.toBeNull();
    b.release();
    c.release();
    expect(conversionQueueFull()).toBeNull();
  });

  it('never goes below one place', () => {
    configureConversions({ maxPending: 0 });
    const only = reserveConversion();
    expect(() => reserveConversion()).toThrow(ConversionQueueFullError);
    only.release();
  });
});
