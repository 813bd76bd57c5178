import { passwordProblem } from '../domain/accounts.js';
import { OperatorError } from '../errors.js';

/** Asks on the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new OperatorError('cancelled; nothing was changed'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of what is piped in (`printf '%s\n' "$PASSWORD" | vouch users ...`). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * A new password: piped on stdin, or typed twice at a prompt that does not echo it. Never an argument, which
 * other users of the machine could read in the process list and the shell would keep in its history.
 */
export async function readNewPassword(): Promise<string> {
  const tty = process.stdin.isTTY === true;
  const password = tty ? await askHidden('New password: ') : await readPiped();
  const problem = passwordProblem(password);
  if (problem) throw new OperatorError(`${problem} Nothing was changed.`);
  if (tty && (await askHidden('The same again: ')) !== password)
    throw new OperatorError('The two passwords differ; nothing was changed.');
  return password;
}
