/** An expected failure of a backup, restore or its checks: scripts print the message only. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
