"""`ateb serve`: open the index, build the app, listen (on 127.0.0.1 unless told)."""
from __future__ import annotations

from pathlib import Path

from ateb.settings import Settings


def serve(settings: Settings, share: bool = False, block: bool = True):  # noqa: ANN201 - gradio's (app, url, share_url)
    from assistant import Assistant
    from ui.access import Access, load_users
    from ui.app import build_app, launch_options

    access = Access(load_users(settings.users_file))
    assistant = Assistant.open(settings.index_dir, settings=settings)
    app = build_app(assistant, access, settings.data_dir)
    app.queue(default_concurrency_limit=4)
    return app.launch(server_name=settings.host, server_port=settings.port, share=share,
                      prevent_thread_lock=not block, quiet=False, **launch_options(access, Path(settings.data_dir)))
