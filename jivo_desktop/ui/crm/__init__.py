"""The CRM sidebar page (issue 17): Clientes, Tareas, Embudo de ventas; and the client panel's
Tratos/Tareas box."""
