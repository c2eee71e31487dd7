// The console's service worker: only for notifications with buttons (the Notification API
// has actions only through a service worker). A click on Accept or Ignore, or on the
// notification itself, goes to the console's tab as a message; nothing is cached or fetched.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const message = { kind: "jivo-notification", action: event.action || "open",
    chat_id: event.notification.data && event.notification.data.chat_id };
  event.waitUntil((async () => {
    const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    for (const tab of tabs) tab.postMessage(message);
    if (tabs.length && message.action === "open") await tabs[0].focus();
  })());
});
