config = {"debug": False}
view = config
view["debug"] = True
print(config)
copy_ = config.copy()
copy_["debug"] = False
print(config, copy_)
