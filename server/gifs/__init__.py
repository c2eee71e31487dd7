"""The GIF domain (C16): providers, the relay's proxy for search and previews, and the chosen
GIF stored as a file of the chat."""
