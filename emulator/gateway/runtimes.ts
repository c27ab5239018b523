/**
 * The runtime serving each deployed domain now: started on its first request, replaced (the old one
 * retired) when the environment's build or context changes, all stopped when the emulator closes.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildFolder } from './build-folder';
import type { DeployedEnvironment } from './deployed-build';
import { RuntimeLog, RuntimeProcess } from './runtime-process';

export class EnvironmentRuntimes {
  /** Deployed builds on disk, one folder per build sid: the emulator's own, removed when it closes. */
  private readonly buildsRoot = mkdtempSync(join(tmpdir(), 'emulator-builds-'));
  private readonly current = new Map<string, { fingerprint: string; runtime: RuntimeProcess }>();
  private readonly all = new Set<RuntimeProcess>();

  constructor(
    /** The context every function of `env` gets. */
    private readonly contextOf: (env: DeployedEnvironment) => Record<string, string>,
    private readonly log: (domain: string) => RuntimeLog,
  ) {}

  /** Where a build's files are written: answers must never show it. */
  get folder(): string {
    return this.buildsRoot;
  }

  runtimeFor(env: DeployedEnvironment): RuntimeProcess {
    const context = this.contextOf(env);
    const fingerprint = JSON.stringify([env.buildSid, context]);
    const serving = this.current.get(env.domainName);
    if (serving && serving.fingerprint === fingerprint && serving.runtime.usable) return serving.runtime;
    serving?.runtime.retire();
    const runtime = new RuntimeProcess(
      { buildDir: buildFolder(this.buildsRoot, env), publicUrl: `https://${env.domainName}`, env: context },
      this.log(env.domainName),
    );
    this.all.add(runtime);
    void runtime.ended().then(() => this.all.delete(runtime));
    this.current.set(env.domainName, { fingerprint, runtime });
    return runtime;
  }

  /** After a reset: what ran before serves nothing more. */
  retireAll(): void {
    for (const { runtime } of this.current.values()) runtime.retire();
    this.current.clear();
  }

  async close(): Promise<void> {
    this.current.clear();
    const running = [...this.all];
    for (const runtime of running) runtime.kill();
    await Promise.all(running.map((runtime) => runtime.ended()));
    rmSync(this.buildsRoot, { recursive: true, force: true });
  }
}
