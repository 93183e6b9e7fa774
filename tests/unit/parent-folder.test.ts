import { describe, expect, it } from 'vitest';
import { parentFolder } from '../../renderer/lib/parent-folder.js';

describe('parentFolder (the data folder named on the Archives screen)', () => {
  it('takes the last folder off a POSIX or a Windows path', () => {
    expect(parentFolder('/home/billetterie/.config/Parterre/archives')).toBe('/home/billetterie/.config/Parterre');
    expect(parentFolder('C:\\Users\\Billetterie\\AppData\\Roaming\\Parterre\\archives')).toBe('C:\\Users\\Billetterie\\AppData\\Roaming\\Parterre');
    expect(parentFolder('/data/archives/')).toBe('/data');
  });

  it('keeps the root and leaves a bare name alone', () => {
    expect(parentFolder('/archives')).toBe('/');
    expect(parentFolder('D:\\archives')).toBe('D:\\');
    expect(parentFolder('archives')).toBe('archives');
  });
});
