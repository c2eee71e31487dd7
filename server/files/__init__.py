"""Files in chats (C14): uploads over the WebSocket, downloads over HTTP; service and store code."""
