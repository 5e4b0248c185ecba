"""Soluciones de referencia: una por tarea. Cada función es idéntica a su celda en el cuaderno fuente."""
