import { describe, expect, it } from 'vitest';
import { decideAccess } from './access.rules.js';

describe('decideAccess', () => {
  const clerkX01 = [{ role: 'clerk' as const, orgId: 'x01' }];
  it('lets a commune clerk write inside the commune subtree', () => {
    expect(
      decideAccess({ grants: clerkX01, clearance: 0, action: 'write', orgChain: ['cell', 'x01', 'al'] }).allowed,
    ).toBe(true);
  });
  it('forbids another commune', () => {
    const d = decideAccess({ grants: clerkX01, clearance: 0, action: 'read', orgChain: ['x02', 'al'] });
    expect(d).toMatchObject({ allowed: false, denial: 'forbidden' });
  });
  it('forbids a viewer to write', () => {
    const d = decideAccess({
      grants: [{ role: 'viewer', orgId: 'al' }],
      clearance: 0,
      action: 'write',
      orgChain: ['x02', 'al'],
    });
    expect(d).toMatchObject({ allowed: false, denial: 'forbidden' });
  });
  it('hides records above the clearance', () => {
    const d = decideAccess({
      grants: [{ role: 'admin', orgId: 'al' }],
      clearance: 1,
      action: 'read',
      orgChain: ['al'],
      confidentiality: 2,
    });
    expect(d).toMatchObject({ allowed: false, denial: 'hidden' });
  });
});
