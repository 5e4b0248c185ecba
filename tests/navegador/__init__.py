"""Pruebas en un navegador real (Chromium + Selenium); un paquete para que su conftest no tape el de tests/."""
