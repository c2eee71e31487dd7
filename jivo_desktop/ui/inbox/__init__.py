"""Centro de Atención, the sidebar's first page: the chat list, the conversation with its
composer and toolbar (leave, invite, transfer, block), the client panel, and the page's other
two views, the archive and the offline messages."""
