"""The CRM domain (issue 17): clients (R1), tasks and their reminders (R2), deals in sales
funnels (R3) and the CRM settings (K4). Frames in :mod:`server.protocol.crm`; handlers in
:mod:`server.crm.service`; who may see what in :mod:`server.crm.access`."""
