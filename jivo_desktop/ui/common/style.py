"""Colours and the application style sheet (one place, so the sidebar theme of G1 can switch)."""

from __future__ import annotations

BRAND = "#1f7a5c"
ONLINE = "#2fb36d"
AWAY = "#f2c230"
OFFLINE = "#9aa3a0"
WAITING = "#e07b28"

SIDEBAR = {
    "dark": {"bg": "#1d2b27", "fg": "#e7efec", "muted": "#93a8a1", "active": "#2c4a40"},
    "light": {"bg": "#eef3f1", "fg": "#1d2b27", "muted": "#5f6f6a", "active": "#d3e6df"},
}


def status_colour(status: str) -> str:
    return {"online": ONLINE, "away": AWAY}.get(status, OFFLINE)


def stylesheet(sidebar: str = "dark") -> str:
    s = SIDEBAR.get(sidebar, SIDEBAR["dark"])
    return f"""
    QWidget#Sidebar {{ background: {s["bg"]}; }}
    QWidget#Sidebar QLabel {{ color: {s["fg"]}; }}
    QWidget#Sidebar QLabel#Muted {{ color: {s["muted"]}; }}
    QListWidget#Nav {{ background: transparent; border: none; color: {s["fg"]};
        font-size: 14px; outline: 0; }}
    QListWidget#Nav::item {{ padding: 9px 14px; border-radius: 6px; margin: 1px 8px; }}
    QListWidget#Nav::item:selected {{ background: {s["active"]}; color: {s["fg"]}; }}
    QLabel#Banner {{ background: #fff4d6; color: #6b4e00; padding: 6px 12px; }}
    QLabel#Problem {{ background: #fde8e6; color: #8a1f11; padding: 6px 12px; }}
    QPushButton#Primary {{ background: {BRAND}; color: white; border: none; border-radius: 6px;
        padding: 7px 16px; font-weight: 600; }}
    QPushButton#Primary:disabled {{ background: #9cc3b5; }}
    QLabel#PanelTitle {{ font-weight: 600; font-size: 15px; }}
    QLabel#FieldLabel {{ color: #6b7a75; font-size: 11px; }}
    QWidget#ClientPanel {{ background: #f6f8f7; }}
    QFrame#ChatHeader {{ border-bottom: 1px solid #e3e8e6; }}
    QWidget#SettingsLeft {{ background: #f6f8f7; border-right: 1px solid #e3e8e6; }}
    QListWidget#SettingsNav {{ background: transparent; border: none; font-size: 13px;
        outline: 0; }}
    QListWidget#SettingsNav::item {{ padding: 8px 12px; border-radius: 6px; margin: 1px 6px; }}
    QListWidget#SettingsNav::item:selected {{ background: #d3e6df; color: #1d2b27; }}
    """
