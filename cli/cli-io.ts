import { createInterface } from 'node:readline';

/** Terminal input and output for commands; tests pass their own. */
export interface TCliIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks a question; `secret` hides what is typed. Rejects when there is no terminal. */
  ask(question: string, options?: { secret?: boolean }): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export function terminalIo(): TCliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    ask(question, options = {}) {
      if (!process.stdin.isTTY) return Promise.reject(new Error(`No terminal to ask "${question.trim()}"; pass it as a flag or environment variable.`));
      return new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
        if (options.secret) {
          // Echo nothing while a password is typed.
          (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
            if (text.includes(question)) process.stdout.write(text);
          };
        }
        rl.question(question, (answer) => {
          if (options.secret) process.stdout.write('\n');
          rl.close();
          resolve(answer);
        });
      });
    },
  };
}
