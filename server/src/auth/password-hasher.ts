import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** argon2id with the OWASP baseline (19 MiB, t=2, p=1); the hash string carries its own parameters. */
@Injectable()
export class PasswordHasher {
  private readonly options = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  // Verified when the username does not exist, so a wrong username costs as long as a wrong password.
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.dummyHash ??= this.hash('không có tài khoản này');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
