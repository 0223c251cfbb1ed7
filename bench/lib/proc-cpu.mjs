// CPU time a process has used (user + system, all its threads), from /proc/<pid>/stat: unlike wall-clock timings it
// does not grow when other work on the machine preempts the process, so it compares runs on a busy machine.
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms used so far by `pid`, or null when it cannot be read (gone, not Linux). */
export function cpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the ")" closing the command name: state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
