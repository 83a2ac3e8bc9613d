"""ecom dashboard: `make dashboard` runs `streamlit run dashboard/app.py` on 127.0.0.1.

The entry page: the shared sidebar filters, then the chosen page. A missing warehouse or mart
shows what to run instead of a traceback.
"""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import DataUnavailableError

st.set_page_config(page_title="ecom dashboard", layout="wide")

navigation = st.navigation(
    [
        st.Page("views/overview.py", title="Overview", default=True),
        st.Page("views/products.py", title="Products", url_path="products"),
        st.Page("views/customers.py", title="Customers", url_path="customers"),
        st.Page("views/activity.py", title="Activity", url_path="activity"),
        st.Page("views/pipeline.py", title="Pipeline health", url_path="pipeline"),
    ]
)

try:
    ui.sidebar()
except DataUnavailableError as error:
    st.title(navigation.title)
    ui.show_unavailable(error)
    st.stop()

try:
    navigation.run()
except DataUnavailableError as error:
    ui.show_unavailable(error)
