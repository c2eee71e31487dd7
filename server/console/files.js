// C14 in the console: a file the agent attaches goes up as upload_file, then its bytes as binary
// frames of at most chunk_bytes, then file_stored; a file in the chat is downloaded through a
// short-lived link the relay grants (file_link), from this origin (the console's port serves
// /files/ too). The file's name is text like any other (dom.js).

import { t } from "./i18n.js";
import { MAX_FILE_BYTES } from "./protocol.js";

const SOCKET_BUFFER = 1024 * 1024;

function hex(buf) {
  return Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, "0")).join("");
}

export class Files {
  constructor(conn) {
    this.conn = conn;
    this.busy = false;
  }

  /** Resolves with file_stored, or rejects with an error whose ``message`` is for the agent. */
  async upload(chatId, file) {
    if (file.size === 0) throw new Error(t("fileEmpty"));
    if (file.size > MAX_FILE_BYTES) throw new Error(t("fileTooBig"));
    if (!window.crypto?.subtle) throw new Error(t("fileNeedsHttps"));
    if (this.busy) throw new Error(t("fileOneAtATime"));
    this.busy = true;
    try {
      const buf = await file.arrayBuffer();
      const sha256 = hex(await crypto.subtle.digest("SHA-256", buf));
      const id = this.conn.newId();
      const ready = await this.conn.request("upload_file", {
        id, client_msg_id: crypto.randomUUID(), name: file.name, size: buf.byteLength, sha256,
        content_type: String(file.type || "").slice(0, 200), chat_id: chatId,
      });
      const stored = this.conn.expect(id, 120000);
      await this.pump(buf, ready.chunk_bytes);
      return await stored;
    } catch (err) {
      throw new Error(err.code ? t("fileFailed", { code: err.code }) : err.message);
    } finally {
      this.busy = false;
    }
  }

  async pump(buf, step) {
    let sent = 0;
    while (sent < buf.byteLength) {
      if (this.conn.buffered() > SOCKET_BUFFER) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        continue;
      }
      if (!this.conn.sendBinary(buf.slice(sent, sent + step))) throw new Error(t("fileFailed", { code: "" }));
      sent += step;
    }
  }

  /** Download a chat's file: a link from the relay, opened as a download from this origin. */
  async download(fileInfo) {
    const granted = await this.conn.request("file_link", { file_id: fileInfo.id });
    const url = new URL(granted.url, location.origin);
    if (url.origin !== location.origin) return;
    const a = document.createElement("a");
    a.href = url.href;
    a.download = fileInfo.name;
    a.rel = "noopener";
    document.body.append(a);
    a.click();
    a.remove();
  }
}
