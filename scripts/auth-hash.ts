// `npm run auth:hash` — reads a password from standard input and prints the WATT_PASSWORD_HASH value.
// The password itself is never stored anywhere.
import { hashPassword } from "../lib/server/password-hash";

let input = "";
process.stdin.setEncoding("utf8");
if (process.stdin.isTTY) process.stderr.write("Password (input not hidden; end with Enter): ");
process.stdin.on("data", (d) => {
  input += d;
  if (process.stdin.isTTY && input.includes("\n")) {
    process.stdin.pause();
    finish();
  }
});
process.stdin.on("end", finish);
let done = false;
function finish() {
  if (done) return;
  done = true;
  const password = input.replace(/\r?\n$/, "");
  if (password.length < 8) {
    console.error("Use at least 8 characters.");
    process.exit(1);
  }
  console.log(hashPassword(password));
}
