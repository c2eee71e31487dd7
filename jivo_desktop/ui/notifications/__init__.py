"""What reaches the agent outside the main window: the chat-request toasts, the colleague's
invitation and transfer cards, and the tray icon."""
