"""The agent's in-chat actions: invite, transfer, leave, block, quick phrases, who is viewing."""
