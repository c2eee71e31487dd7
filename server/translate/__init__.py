"""The translator domain (C11): backends, stored translations and the agents' frames."""
