import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../infra/config/config.ts';
import { createSystem } from '../../system/system.ts';
import { warmUp } from '../../system/warm-up/warm-up.ts';

const scratchFolders = () =>
  readdirSync(os.tmpdir()).filter((name) => name.startsWith('dubanju-warm-up-'));

describe('a warm-up before a node is offered', () => {
  it("runs the mix, writes included, on a scratch system of its own: the node's stores untouched, no folder left", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-node-'));
    // A warm-up that read this process's settings would write here.
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    const node = createSystem(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
    const files = readdirSync(dataDir).sort();
    const before = scratchFolders();
    try {
      const report = await warmUp(60);
      expect(report).toMatchObject({ requests: 60, writes: 18, failed: 0 });
      expect(report.events).toBeGreaterThan(1000);
      expect(await node.stores.eventStore.lastPosition()).toBe(0);
      expect(await node.stores.readModels.getCheckpoint('main')).toBe(0);
      expect(readdirSync(dataDir).sort()).toEqual(files);
      expect(scratchFolders()).toEqual(before);
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
      await node.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
