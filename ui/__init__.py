"""Stage 4: the Gradio app over `assistant/` (`ateb serve`)."""
from ui.serve import serve

__all__ = ["serve"]
