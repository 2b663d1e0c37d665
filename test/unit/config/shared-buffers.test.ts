import { describe, expect, it } from 'vitest';
import { sharedBuffersMb } from '../../../src/platform/db/embedded-postgres.js';

const GiB = 1024 ** 3;

describe('the embedded server\'s shared buffers', () => {
  it('are a quarter of the memory, at least 128 MB and at most 8 GB', () => {
    expect(sharedBuffersMb(24 * GiB)).toBe(6144);
    expect(sharedBuffersMb(4 * GiB)).toBe(1024);
    expect(sharedBuffersMb(256 * 1024 ** 2)).toBe(128);
    expect(sharedBuffersMb(128 * GiB)).toBe(8192);
  });
});
