/**
 * Preloaded (`NODE_OPTIONS=--require …`) into the built CLI by bench/parc-scan.ts: counts every
 * UDP datagram sent (to the SNMP port given in PARC_BENCH_SNMP_PORT, or elsewhere) and every TCP
 * connection attempt, notes when the first SNMP request leaves and when the scan starts reading
 * printers (the end of discovery + identification, from its progress line), and writes the figures as JSON to PARC_BENCH_OUT
 * when the process exits. Only the process running out/main/parc.js reports.
 */
const dgram = require('node:dgram');
const net = require('node:net');
const { writeFileSync } = require('node:fs');

/** Whether a dgram socket is bound (`address()` throws before). */
function isBound(socket) {
  try {
    socket.address();
    return true;
  } catch {
    return false;
  }
}

if (
  process.env.PARC_BENCH_OUT &&
  process.argv.some((arg) => arg.endsWith('parc.js') && arg.includes('out'))
) {
  const snmpPort = Number(process.env.PARC_BENCH_SNMP_PORT ?? 161);
  const counts = { snmpRequests: 0, otherUdp: 0, tcpConnects: 0 };
  const started = performance.now();
  let swept = null;
  let firstRequest = null;

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (...args) {
    // Node's first send on an unbound socket binds it and calls send() again: count that one only.
    if (!isBound(this)) return send.apply(this, args);
    const at = args.findIndex((a) => typeof a === 'string');
    if (at > 0 && args[at - 1] === snmpPort) {
      counts.snmpRequests++;
      firstRequest ??= performance.now();
    } else counts.otherUdp++;
    return send.apply(this, args);
  };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    counts.tcpConnects++;
    return connect.apply(this, args);
  };
  const write = process.stderr.write;
  process.stderr.write = function (chunk, ...rest) {
    if (swept === null && String(chunk).includes('printers read')) swept = performance.now();
    return write.call(this, chunk, ...rest);
  };
  process.on('exit', () => {
    const ended = performance.now();
    const cpu = process.cpuUsage();
    writeFileSync(
      process.env.PARC_BENCH_OUT,
      JSON.stringify({
        ...counts,
        sweepSeconds: ((swept ?? ended) - started) / 1000,
        sweepFromFirstRequestSeconds: ((swept ?? ended) - (firstRequest ?? started)) / 1000,
        wallSeconds: (ended - started) / 1000,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  });
}
