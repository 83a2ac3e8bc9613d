"""ecom dashboard: `make dashboard` runs `streamlit run dashboard/app.py` on 127.0.0.1.

The entry page: the sidebar filters the chosen page uses, then the page. A missing warehouse or
mart shows what to run instead of a traceback.
"""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.data import DataUnavailableError
from dashboard.ui import Filter

st.set_page_config(page_title="ecom dashboard", layout="wide")

BOTH = (Filter.DATES, Filter.CATEGORIES)
# url path -> (page, the sidebar filters it applies); Customers, Predictions and Pipeline
# health show all-time figures or the latest scores, so no filter is offered there.
PAGES = {
    "": (st.Page("views/overview.py", title="Overview", default=True), BOTH),
    "products": (st.Page("views/products.py", title="Products", url_path="products"), BOTH),
    "customers": (st.Page("views/customers.py", title="Customers", url_path="customers"), ()),
    "predictions": (
        st.Page("views/predictions.py", title="Predictions", url_path="predictions"),
        (),
    ),
    "activity": (st.Page("views/activity.py", title="Activity", url_path="activity"), BOTH),
    "pipeline": (
        st.Page("views/pipeline.py", title="Pipeline health", url_path="pipeline"),
        (),
    ),
    "metrics": (st.Page("views/metrics.py", title="Metrics", url_path="metrics"), BOTH),
}

navigation = st.navigation([page for page, _ in PAGES.values()])

try:
    ui.sidebar(PAGES.get(navigation.url_path, (navigation, BOTH))[1])
except DataUnavailableError as error:
    st.title(navigation.title)
    ui.show_unavailable(error)
    st.stop()

try:
    navigation.run()
except DataUnavailableError as error:
    ui.show_unavailable(error)
