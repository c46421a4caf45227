"""The resource classes behind ``client.callback``, ``client.acd``, ``client.transfer`` and ``client.call_control``."""
