// The child process behind the Python code interpreter. Started by `python-worker-process.ts` as
// `node --experimental-permission --allow-fs-read=<pyodide dir>,<this file> --allow-fs-write=<scratch>`
// with an empty environment; it boots Pyodide once, then runs one script per IPC message.
// Plain JavaScript: it runs under the permission model, which would refuse tsx's loader.
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import os from "node:os";
import tls from "node:tls";

const [pyodideDir, scratchDir, maxOutputBytesArg] = process.argv.slice(2);
const maxOutputBytes = Number(maxOutputBytesArg);

// Kept before anything can reach `process`: the channel back to the parent.
const send = process.send.bind(process);
const onMessage = process.on.bind(process, "message");

// Pyodide asks `process.binding("constants")`, which the permission model refuses outright.
const constants = { os: os.constants, fs: (await import("node:fs")).constants };
process.binding = (name) => {
  if (name === "constants") return constants;
  throw new Error(`process.binding('${name}') is not available in the sandbox`);
};

// Node 20's permission model does not cover the network (nor signals): every way out is replaced
// here, before Python runs, by a function that throws. Sockets of all kinds go through these; they
// matter because Python can reach JavaScript's Function constructor through any `pyodide.ffi` proxy.
const denied = (what) =>
  function deniedInSandbox() {
    throw Object.assign(new Error(`${what} is not available in the sandbox`), {
      code: "ERR_ACCESS_DENIED",
    });
  };
const lock = (target, key, what) =>
  Object.defineProperty(target, key, { value: denied(what), writable: false, configurable: false });
for (const key of ["connect", "listen"]) lock(net.Socket.prototype, key, `net.Socket.${key}`);
lock(net.Server.prototype, "listen", "net.Server.listen");
for (const key of ["connect", "createConnection", "createServer", "_createServerHandle"])
  lock(net, key, `net.${key}`);
for (const key of ["connect", "createServer"]) lock(tls, key, `tls.${key}`);
for (const key of ["bind", "connect", "send"]) lock(dgram.Socket.prototype, key, `dgram.${key}`);
lock(dgram, "createSocket", "dgram.createSocket");
for (const key of ["lookup", "resolve", "resolve4", "resolve6", "lookupService"])
  lock(dns, key, `dns.${key}`);
for (const key of ["lookup", "resolve", "resolve4", "resolve6"]) lock(dns.promises, key, `dns.${key}`);
for (const module of [http, https]) {
  for (const key of ["request", "get", "createServer"]) lock(module, key, `http.${key}`);
}
for (const key of ["connect", "createServer", "createSecureServer"]) lock(http2, key, `http2.${key}`);
// Signals reach any process of the same user, the server included.
for (const key of ["kill", "_kill"]) lock(process, key, `process.${key}`);
// `import("node:net")` hands out ESM bindings, copied from the originals unless synced.
syncBuiltinESMExports();
for (const key of ["fetch", "WebSocket", "EventSource", "XMLHttpRequest"]) {
  Object.defineProperty(globalThis, key, { value: undefined, writable: false, configurable: false });
}

const { loadPyodide } = await import(new URL(`file://${pyodideDir}/pyodide.mjs`).href);

let stdout = [];
let stderr = [];
let written = 0;
let truncated = false;
const sink = (chunks) => ({
  write(bytes) {
    const room = maxOutputBytes - written;
    if (room <= 0) {
      truncated = true;
      // Stops a print loop: Python sees an OSError and unwinds instead of spinning on a full buffer.
      throw new Error("output limit reached");
    }
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    chunks.push(Buffer.from(kept));
    written += kept.length;
    if (kept.length < bytes.length) truncated = true;
    return bytes.length;
  },
});

const pyodide = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  // Python's `js` module is this object, not the real global scope.
  jsglobals: Object.create(null),
  env: { HOME: "/home/pyodide" },
  stdout: () => {},
  stderr: () => {},
});
pyodide.setStdout(sink(stdout));
pyodide.setStderr(sink(stderr));
pyodide.FS.mkdirTree("/scratch");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: scratchDir }, "/scratch");
// No bridge back to JavaScript from Python: `import js` and `import pyodide_js` fail.
pyodide.unregisterJsModule("js");
pyodide.unregisterJsModule("pyodide_js");

const run = pyodide.runPython(`
def _make_runner():
    import builtins, os, sys, traceback
    for name in ("js", "pyodide_js"):
        sys.modules.pop(name, None)
    os.chdir("/scratch")
    boot_modules = set(sys.modules)
    boot_builtins = dict(builtins.__dict__)
    boot_path = list(sys.path)
    boot_environ = dict(os.environ)
    boot_limit = sys.getrecursionlimit()
    missing = "{} is not available in this sandbox (offline Pyodide ships only the standard library)"

    def clear(directory):
        for entry in os.listdir(directory):
            path = os.path.join(directory, entry)
            if os.path.isdir(path) and not os.path.islink(path):
                clear(path)
                os.rmdir(path)
            else:
                os.unlink(path)

    def reset():
        # What one call may leave behind for the next: modules, builtins, files, cwd, env.
        for name in set(sys.modules) - boot_modules:
            del sys.modules[name]
        builtins.__dict__.clear()
        builtins.__dict__.update(boot_builtins)
        sys.path[:] = boot_path
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        sys.setrecursionlimit(boot_limit)
        os.environ.clear()
        os.environ.update(boot_environ)
        os.chdir("/scratch")
        for directory in ("/scratch", "/tmp", "/home/pyodide"):
            try:
                clear(directory)
            except OSError:
                pass

    def run(code):
        namespace = {"__name__": "__main__", "__builtins__": builtins}
        status = "completed"
        try:
            exec(compile(code, "<code>", "exec"), namespace)
        except SystemExit as error:
            if error.code not in (None, 0):
                status = f"exited with code {error.code}"
        except BaseException as error:
            status = "failed"
            try:
                traceback.print_exception(type(error), error, error.__traceback__.tb_next)
                if isinstance(error, ModuleNotFoundError) and error.name:
                    print(missing.format(error.name.split(".")[0]), file=sys.stderr)
            except BaseException:
                pass
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                pass
            reset()
        return status

    return run
_make_runner()
`);
pyodide.runPython("del _make_runner");

onMessage((message) => {
  stdout = [];
  stderr = [];
  written = 0;
  truncated = false;
  pyodide.setStdout(sink(stdout));
  pyodide.setStderr(sink(stderr));
  let status;
  try {
    status = run(message.code);
  } catch (error) {
    status = "failed";
    stderr.push(Buffer.from(`${error?.message ?? error}\n`));
  }
  send({
    id: message.id,
    status,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
    truncated,
  });
});
send({ ready: true });
