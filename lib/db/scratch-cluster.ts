// A throwaway PostgreSQL cluster of its own (initdb into a temp folder, a free port), for the
// load bench and the restart tests: they restart their database on purpose, which must never
// touch the shared server on :5432 that other tests use. Needs PostgreSQL's server binaries
// (Debian: /usr/lib/postgresql/<v>/bin; `apt-get install postgresql`). When run as root, the
// cluster is owned and run by the `postgres` user, since PostgreSQL refuses to run as root.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The folder holding initdb, pg_ctl and postgres, or null when this machine has none. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  candidates.push("/usr/local/bin", "/usr/bin");
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type ScratchCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  dir: string;
  /** `pg_ctl restart -m fast`: every connection is dropped, the server is back when it resolves. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startScratchCluster(options: { maxConnections?: number; log?: (line: string) => void } = {}): Promise<ScratchCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no PostgreSQL server binaries (initdb, pg_ctl) on this machine: apt-get install postgresql");
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "heapwise-pg-"));
  const data = path.join(dir, "data");
  if (asRoot) chownSync(dir, ...(await postgresIds()));
  const sh = (file: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, file), ...args], { cwd: dir }) : run(path.join(bin, file), args, { cwd: dir });

  await sh("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
  const port = await freePort();
  const opts = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", `-c max_connections=${options.maxConnections ?? 200}`].join(" ");
  const pgCtl = (args: string[]) => sh("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", ...args]);
  await pgCtl(["-o", opts, "start"]);
  options.log?.(`scratch PostgreSQL on 127.0.0.1:${port} (${data})`);
  let stopped = false;
  // A process that ends without calling stop() (a killed test worker) must not leave a server
  // running and a data folder behind.
  const onExit = () => {
    if (stopped) return;
    try {
      const args = ["-D", data, "-m", "immediate", "-w", "stop"];
      if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, "pg_ctl"), ...args], { stdio: "ignore" });
      else execFileSync(path.join(bin, "pg_ctl"), args, { stdio: "ignore" });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    restart: async () => {
      await pgCtl(["-m", "fast", "-o", opts, "restart"]);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await pgCtl(["-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout: uid } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return [Number(uid.trim()), Number(gid.trim())];
}
